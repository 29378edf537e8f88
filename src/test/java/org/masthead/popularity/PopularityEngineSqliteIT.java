package org.masthead.popularity;

import org.masthead.db.Database;

class PopularityEngineSqliteIT extends PopularityEngineIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
