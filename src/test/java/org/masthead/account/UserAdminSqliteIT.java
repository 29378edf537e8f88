package org.masthead.account;

import org.masthead.db.Database;

class UserAdminSqliteIT extends UserAdminIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
