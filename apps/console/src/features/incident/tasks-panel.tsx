import { useState } from 'react';
import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { IncidentView } from '@app/incidents/contract';
import { Panel, type Act } from './shared';

/** The tasks of the plans in force, each completed on its own with an optional note. */
export function TasksPanel({
  incident,
  canComplete,
  busy,
  act,
}: {
  incident: IncidentView;
  canComplete: boolean;
  busy: boolean;
  act: Act;
}) {
  const { t } = useI18n();
  return (
    <Panel title={t('detail.tasks')}>
      {incident.tasks.length === 0 ? (
        <p className="muted">{t('detail.noTasks')}</p>
      ) : (
        <ul className="list tasks">
          {incident.tasks.map((task) => (
            <TaskItem
              key={task.taskId}
              task={task}
              canComplete={canComplete}
              busy={busy}
              onComplete={(note) =>
                void act(`${t('btn.complete')}「${task.title}」`, () =>
                  commandPost(`/incidents/${incident.id}/tasks/${task.taskId}/complete`, note ? { note } : {}),
                )
              }
            />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function TaskItem({
  task,
  canComplete,
  busy,
  onComplete,
}: {
  task: IncidentView['tasks'][number];
  canComplete: boolean;
  busy: boolean;
  onComplete: (note: string) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const done = task.status === 'done';
  const noteId = `task-note-${task.taskId}`;
  return (
    <li data-testid="task" data-task-id={task.taskId} data-status={task.status} className={done ? 'done' : ''}>
      <div>
        <span className="small muted">
          {task.group} · {task.leadAgency} · {task.levelLabel ?? task.level}
        </span>
      </div>
      <div>
        {done ? '✓ ' : ''}
        {task.title}
      </div>
      {done ? (
        <div className="small muted">
          {t('task.done')} {formatTime(task.completedAt)} {task.completedBy ?? ''}
          {task.note ? ` · ${task.note}` : ''}
        </div>
      ) : (
        canComplete && (
          <div className="inline-form">
            <label htmlFor={noteId} className="sr-only">
              {t('task.note')}
            </label>
            <input id={noteId} placeholder={t('task.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="button" data-testid="complete-task" disabled={busy} onClick={() => onComplete(note.trim())}>
              {t('btn.complete')}
            </button>
          </div>
        )
      )}
    </li>
  );
}
