package org.masthead.media;

import org.masthead.db.Database;

class PhotoTextSqliteIT extends PhotoTextIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
