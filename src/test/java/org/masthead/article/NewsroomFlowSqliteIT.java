package org.masthead.article;

import org.masthead.db.Database;

class NewsroomFlowSqliteIT extends NewsroomFlowIT {
    @Override Database.Engine engine() { return Database.Engine.SQLITE; }
}
