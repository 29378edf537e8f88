package org.masthead.media;

import org.masthead.db.Database;

class MediaLibraryPostgresIT extends MediaLibraryIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
