package org.masthead.article;

import org.masthead.db.Database;

class ConcurrentSavesSqliteIT extends ConcurrentSavesIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
