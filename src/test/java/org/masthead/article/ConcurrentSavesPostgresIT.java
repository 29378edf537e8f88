package org.masthead.article;

import org.masthead.db.Database;

class ConcurrentSavesPostgresIT extends ConcurrentSavesIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
