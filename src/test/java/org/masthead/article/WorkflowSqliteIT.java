package org.masthead.article;

import org.masthead.db.Database;

class WorkflowSqliteIT extends WorkflowIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
