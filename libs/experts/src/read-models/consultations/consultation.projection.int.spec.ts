import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { ConsultationEvent } from '../../domain/consultation/consultation.events';
import type { ExpertEvent } from '../../domain/expert/expert.events';
import { ExpertRegisterRow } from '../expert-register/expert-register.entity';
import { ExpertRegisterProjection } from '../expert-register/expert-register.projection';
import { ConsultationRow } from './consultation.entity';
import { ConsultationProjection } from './consultation.projection';

const at = (minute: number) => `2026-12-07T02:${String(minute).padStart(2, '0')}:00.000Z`;

describe('consultation projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new ExpertRegisterProjection(), new ConsultationProjection()],
      entities: [ExpertRegisterRow, ConsultationRow],
    });
  }, 60_000);
  afterAll(() => spec?.stop());

  it('keeps the latest round, ignores a redelivered older invitation, and sends the incident’s consoles each step', async () => {
    const [expertId, incidentId, consultationId] = [randomUUID(), randomUUID(), randomUUID()];
    const registered: ExpertEvent = {
      type: 'ExpertRegistered',
      data: {
        expertId,
        jurisdiction: '640500',
        name: '张三',
        specialties: ['hazardous_chemicals'],
        title: '正高级工程师',
        organization: '某研究院（虚构）',
        phone: '13900000000',
        registeredAt: at(0),
      },
    };
    await spec.given(`expert-${expertId}`, [registered], { jurisdiction: '640500' });
    const invited = (topic: string): ConsultationEvent => ({
      type: 'ExpertInvited',
      data: {
        consultationId,
        incidentId,
        expertId,
        expertName: '张三',
        specialtyLabels: ['危险化学品'],
        jurisdiction: '640571',
        drillId: null,
        mode: 'remote',
        topic,
        invitedAt: at(1),
      },
    });
    const answer = { consultationId, incidentId, expertId, expertName: '张三', note: '出差', answeredAt: at(2) };
    const stream = `consultation-${consultationId}`;
    const first = await spec.given(stream, [invited('第一轮'), { type: 'ConsultationDeclined', data: answer }], {
      jurisdiction: '640571',
      actorId: 'u-1',
      actorName: '值班员甲',
    });
    await spec.given(stream, [invited('第二轮')], { jurisdiction: '640571', actorId: 'u-2', actorName: '值班员乙' });
    // A redelivery of the first round (a crash before the checkpoint) must not bring it back.
    await spec.reapply('expert-consultations', first);
    const [row] = await spec.rows(ConsultationRow, { id: consultationId });
    expect(row).toMatchObject({
      status: 'invited',
      topic: '第二轮',
      invitedBy: '值班员乙',
      answeredAt: null,
      answerNote: null,
      revision: 2,
    });
    const deltas = spec.deltas.filter((d) => d.name === 'consultation.changed');
    expect(deltas.at(-1)).toMatchObject({
      scope: { jurisdiction: '640571', incidentId },
      data: { expertName: '张三', organization: '某研究院（虚构）', status: 'invited', topic: '第二轮' },
    });
  });
});
