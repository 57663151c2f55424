import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The few facts the process managers decide from, kept in their own small tables (written in the same transaction as
 * their checkpoint) instead of loading a team's, an incident's or a drill's whole stream for every event they handle
 * (docs/adr/0024-cold-start.md):
 * - `process_dispatch_teams`: each team's name, for the incident's record of a dispatch or a status report;
 * - `process_dispatch_closed_incidents`: incidents whose close the dispatch process has handled, and where the close
 *   lies in store order (an allocation that comes later is cancelled at once);
 * - `process_drill_teams`: the real teams in a live drill (joined or taken in, not recalled);
 * - `process_ended_drills`: drills whose end the drill-teams process has handled.
 *
 * A database upgraded with the PostgreSQL event store gets them filled from its events up to each process's
 * checkpoint, so the processes resume where they were with the facts they had. With KurrentDB the events are not
 * here: `npm run projections:rebuild -- dispatch-process` (and `drill-teams-process`) fills them from the store up to
 * the checkpoint without issuing any command (docs/operations.md).
 */
export class ProcessManagerFacts1732000003630 implements MigrationInterface {
  name = 'ProcessManagerFacts1732000003630';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table process_dispatch_teams (team_id text primary key, name text not null)`);
    // Where the close lies in store order: a redelivered allocation is judged against it, not against the table's now.
    await q.query(`
      create table process_dispatch_closed_incidents (
        incident_id text primary key,
        close_commit numeric(20) not null,
        close_prepare numeric(20) not null
      )`);
    await q.query(`
      create table process_drill_teams (
        drill_id text not null,
        team_id text not null,
        primary key (drill_id, team_id)
      )`);
    await q.query(`create table process_ended_drills (drill_id text primary key)`);

    // Events up to a process's checkpoint, in store order (none when it never ran: it will see them all live).
    const upTo = (projection: string, types: readonly string[]) => `
      select e.* from es_events e
        join projection_checkpoints c on c.projection = '${projection}'
       where e.event_type in (${types.map((t) => `'${t}'`).join(', ')})
         and (e.transaction_id::text::numeric, e.global_position) <= (c.position_commit, c.position_prepare)`;
    await q.query(`
      insert into process_dispatch_teams (team_id, name)
      select distinct on (data->>'teamId') data->>'teamId', data->>'name'
        from (${upTo('dispatch-process', ['TeamRegistered', 'TeamProfileUpdated'])}) e
       where data ? 'name'
       order by data->>'teamId', transaction_id desc, global_position desc`);
    await q.query(`
      insert into process_dispatch_closed_incidents (incident_id, close_commit, close_prepare)
      select distinct on (data->>'incidentId') data->>'incidentId', transaction_id::text::numeric, global_position
        from (${upTo('dispatch-process', ['IncidentClosed'])}) e
       order by data->>'incidentId', transaction_id, global_position`);
    await q.query(`
      insert into process_drill_teams (drill_id, team_id)
      select drill_id, team_id from (
        select distinct on (data->>'drillId', data->>'teamId') data->>'drillId' as drill_id,
               data->>'teamId' as team_id, event_type
          from (${upTo('drill-teams-process', ['TeamJoinedDrill', 'TeamTakenIntoDrill', 'TeamRecalledFromDrill'])}) e
         order by data->>'drillId', data->>'teamId', transaction_id desc, global_position desc) last
       where event_type <> 'TeamRecalledFromDrill'`);
    await q.query(`
      insert into process_ended_drills (drill_id)
      select distinct data->>'drillId' from (${upTo('drill-teams-process', ['DrillEnded'])}) e`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table process_ended_drills`);
    await q.query(`drop table process_drill_teams`);
    await q.query(`drop table process_dispatch_closed_incidents`);
    await q.query(`drop table process_dispatch_teams`);
  }
}
