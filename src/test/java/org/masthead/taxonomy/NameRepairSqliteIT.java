package org.masthead.taxonomy;

import org.masthead.db.Database;

class NameRepairSqliteIT extends NameRepairIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
