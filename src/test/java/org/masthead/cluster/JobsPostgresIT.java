package org.masthead.cluster;

import org.masthead.db.Database;

class JobsPostgresIT extends JobsIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
