package org.masthead.taxonomy;

import org.masthead.db.Database;

class NamesInEveryScriptPostgresIT extends NamesInEveryScriptIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
