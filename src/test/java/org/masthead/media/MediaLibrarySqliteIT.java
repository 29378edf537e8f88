package org.masthead.media;

import org.masthead.db.Database;

class MediaLibrarySqliteIT extends MediaLibraryIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
