package org.masthead.feeds;

import org.masthead.db.Database;

class SitemapsSqliteIT extends SitemapsIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
