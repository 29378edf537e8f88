package org.masthead.api;

import org.masthead.db.Database;

class ContentApiSqliteIT extends ContentApiIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
