package org.masthead.wire;

import org.masthead.db.Database;

class WireSqliteIT extends WireIT {
    @Override
    Database.Engine engine() { return Database.Engine.SQLITE; }
}
