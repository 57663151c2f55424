import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlarmCentre, AlarmQueries, type AlarmSourceActor } from '@app/alarms';
import { DEFAULT_TIME_ZONE, JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import type { WatchedHiddenHazard } from '../../read-models/hidden-hazard-register/hidden-hazard-register.queries';
import { GRADE_LABELS } from '../../domain/hidden-hazard/hidden-hazard.types';

/** The hidden-hazard context's own actor on the alarms it pushes. */
export const HIDDEN_HAZARD_ACTOR: AlarmSourceActor = { id: 'system:hidden-hazards', name: '隐患排查治理' };

/**
 * One alarm per hazard, rectification round and deadline: after a failed 验收 the hazard is rectified again, and being
 * overdue in that new round is a new alarm, not the old one coming back; after a 延期 the old alarm ends (no longer
 * overdue), and missing the new deadline too is again a new alarm (`-<extensions>` after the round).
 */
export const overdueSourceKey = (hiddenHazardId: string, round: number, extensions = 0) =>
  `hidden_hazard:${hiddenHazardId}:${round}${extensions > 0 ? `-${extensions}` : ''}`;

const KEY = /^hidden_hazard:([0-9a-f-]{36}):(\d+)(?:-(\d+))?$/;

export function parseOverdueSourceKey(key: string): { id: string; round: number; extensions: number } | null {
  const match = KEY.exec(key);
  return match ? { id: match[1]!, round: Number(match[2]), extensions: Number(match[3] ?? 0) } : null;
}

/**
 * The overdue alarms of hidden hazards (kind `hidden_hazard`) in the alarm centre: raised when a hazard is still being
 * rectified past its deadline — critical for a major hazard, major for a general one — and ended (`hazard_rectified`)
 * once it is reported rectified or closed. The title names the enterprise and the hazard so that it reads on its own.
 */
@Injectable()
export class HiddenHazardOverdueAlarms {
  private readonly logger = new Logger('HiddenHazardOverdueAlarms');

  constructor(
    private readonly centre: AlarmCentre,
    private readonly alarms: AlarmQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async raise(hazard: WatchedHiddenHazard, at: Date): Promise<boolean> {
    const grade = GRADE_LABELS[hazard.grade];
    const round = hazard.round > 1 ? `（验收未通过后第 ${hazard.round} 轮整改）` : '';
    const { raised } = await this.centre.raise(
      {
        kind: 'hidden_hazard',
        sourceKey: overdueSourceKey(hazard.id, hazard.round, hazard.extensions),
        severity: hazard.grade === 'major' ? 'critical' : 'major',
        jurisdiction: hazard.jurisdiction,
        title: `${grade}整改逾期：${hazard.enterpriseName}「${hazard.title}」`,
        message:
          `${hazard.enterpriseName}的${grade}「${hazard.title}」整改期限为 ${this.time(hazard.deadline, hazard.jurisdiction)}，` +
          `现已逾期仍未报告整改完成${round}。请督促企业落实整改措施并报告整改情况。`,
        subject: { type: 'hidden_hazard', id: hazard.id },
        dueAt: null,
      },
      HIDDEN_HAZARD_ACTOR,
      at,
    );
    return raised;
  }

  end(sourceKey: string, jurisdiction: string, at?: Date): Promise<boolean> {
    return this.centre.resolve(sourceKey, jurisdiction, 'hazard_rectified', HIDDEN_HAZARD_ACTOR, at);
  }

  /**
   * After 整改完成 or 销号: every open overdue alarm of the hazard ends now. A failure only delays it: the overdue watch
   * ends it on its next tick, so the command's answer does not depend on the alarm centre.
   */
  async endAfterCommand(hiddenHazardId: string): Promise<void> {
    try {
      const open = (await this.alarms.open()).filter(
        (a) => a.kind === 'hidden_hazard' && parseOverdueSourceKey(a.sourceKey)?.id === hiddenHazardId,
      );
      for (const alarm of open) await this.end(alarm.sourceKey, alarm.jurisdiction);
    } catch (error) {
      this.logger.warn(`overdue alarm of hidden hazard ${hiddenHazardId} not ended: ${String(error)}`);
    }
  }

  /** Local time of the hazard's jurisdiction, as a duty officer reads it. */
  private time(at: Date, jurisdiction: string): string {
    const timeZone = this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    return new Intl.DateTimeFormat('zh-CN', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(at);
  }
}
