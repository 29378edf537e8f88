package org.masthead.taxonomy;

import org.masthead.db.Database;

class NamesInEveryScriptSqliteIT extends NamesInEveryScriptIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
