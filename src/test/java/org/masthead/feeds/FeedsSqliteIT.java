package org.masthead.feeds;

import org.masthead.db.Database;

class FeedsSqliteIT extends FeedsIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
