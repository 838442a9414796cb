import QRCode from 'qrcode';

/** The join URL as a QR code for the projector: SVG scales to any screen without blurring. */
export function joinQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
