package org.masthead.cluster;

import org.masthead.db.Database;

class JobsSqliteIT extends JobsIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
