package org.masthead.article;

import org.masthead.db.Database;

class WorkflowPostgresIT extends WorkflowIT {
    @Override Database.Engine engine() { return Database.Engine.POSTGRESQL; }
}
