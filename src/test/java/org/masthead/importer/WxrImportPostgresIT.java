package org.masthead.importer;

import org.masthead.db.Database;

class WxrImportPostgresIT extends WxrImportIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
