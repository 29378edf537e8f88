package org.masthead.feeds;

import org.masthead.db.Database;

class FeedsPostgresIT extends FeedsIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
