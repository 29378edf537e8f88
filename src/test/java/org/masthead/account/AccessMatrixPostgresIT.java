package org.masthead.account;

import org.masthead.db.Database;

class AccessMatrixPostgresIT extends AccessMatrixIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
