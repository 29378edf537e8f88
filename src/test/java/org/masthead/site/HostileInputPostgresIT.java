package org.masthead.site;

import org.masthead.db.Database;

class HostileInputPostgresIT extends HostileInputIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
