package org.masthead.front;

import org.masthead.db.Database;

class FrontsSqliteIT extends FrontsIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
