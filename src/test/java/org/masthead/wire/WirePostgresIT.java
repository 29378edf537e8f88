package org.masthead.wire;

import org.masthead.db.Database;

class WirePostgresIT extends WireIT {
    @Override
    Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
