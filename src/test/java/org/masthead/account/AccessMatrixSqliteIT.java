package org.masthead.account;

import org.masthead.db.Database;

class AccessMatrixSqliteIT extends AccessMatrixIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
