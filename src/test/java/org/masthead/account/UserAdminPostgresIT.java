package org.masthead.account;

import org.masthead.db.Database;

class UserAdminPostgresIT extends UserAdminIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
