package org.masthead.importer;

import org.masthead.db.Database;

class WxrImportSqliteIT extends WxrImportIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
