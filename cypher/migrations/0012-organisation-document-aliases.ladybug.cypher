// Migration 12: an organisation's aliases that hold in one document only (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Organisation ADD IF NOT EXISTS documentAliases STRING[]
