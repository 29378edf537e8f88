package org.masthead.site;

import org.masthead.db.Database;

class HostileInputSqliteIT extends HostileInputIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
