package org.masthead.api;

import org.masthead.db.Database;

class ContentApiPostgresIT extends ContentApiIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
