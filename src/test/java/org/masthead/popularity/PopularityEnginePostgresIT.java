package org.masthead.popularity;

import org.masthead.db.Database;

class PopularityEnginePostgresIT extends PopularityEngineIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
