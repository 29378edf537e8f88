package org.masthead.taxonomy;

import org.masthead.db.Database;

class NameRepairPostgresIT extends NameRepairIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
