package org.masthead.media;

import org.masthead.db.Database;

class PhotoTextPostgresIT extends PhotoTextIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
