package org.masthead.front;

import org.masthead.db.Database;

class FrontsPostgresIT extends FrontsIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
