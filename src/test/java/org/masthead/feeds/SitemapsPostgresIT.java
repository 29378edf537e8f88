package org.masthead.feeds;

import org.masthead.db.Database;

class SitemapsPostgresIT extends SitemapsIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
