import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { shelterAggregate } from '../shelter.aggregate';
import { ShelterAnswer, type ShelterCommandResponse } from '../shelter-answer';
import type { UpdateShelterRequest } from './update-shelter.request';

/** Only the named fields are proposed; with If-Match only on the revision the client saw (409 STALE_REVISION). */
@Injectable()
export class UpdateShelterHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: ShelterAnswer,
  ) {}

  async handle(
    shelterId: string,
    body: UpdateShelterRequest,
    context: CommandContext,
  ): Promise<ShelterCommandResponse> {
    const executed = await this.executor.execute(
      shelterAggregate,
      shelterId,
      {
        type: 'UpdateShelter',
        changes: {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.kind !== undefined ? { kind: body.kind } : {}),
          ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
          ...(body.location !== undefined ? { location: { lat: body.location.lat, lng: body.location.lng } } : {}),
          ...(body.facilities !== undefined ? { facilities: [...body.facilities] } : {}),
          ...(body.address !== undefined ? { address: body.address } : {}),
        },
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
