import type { AuditEvent, AuditLog, CallerIdentity } from '@claimflow/http-edge';
import type { EditAccuracyHandler } from './edit-accuracy.handler';
import { EditAccuracyHttpController } from './edit-accuracy.http.controller';

describe('edit accuracy reads are audited (issue 25)', () => {
  const caller: CallerIdentity = { keyId: 'key-1', owner: 'clinic-a', scopes: ['claims:read'] };
  const setup = () => {
    const events: AuditEvent[] = [];
    const handler = { forEveryone: async () => ({ view: 'public' }), forSubmitter: async (owner: string) => ({ owner }) };
    const audit = { record: (event: AuditEvent) => events.push(event) };
    const controller = new EditAccuracyHttpController(handler as unknown as EditAccuracyHandler, audit as unknown as AuditLog);
    return { controller, events };
  };

  it('given a keyed read of the own view, when answered, then one audit line names the key, the owner and the view', async () => {
    const { controller, events } = setup();
    await expect(controller.get(caller, undefined)).resolves.toEqual({ owner: 'clinic-a' });
    expect(events).toEqual([{ action: 'edit-accuracy.read', result: 'ok', keyId: 'key-1', owner: 'clinic-a', resource: 'own' }]);
  });

  it('given a keyed read of the public view, when answered, then it is audited as public', async () => {
    const { controller, events } = setup();
    await expect(controller.get(caller, 'public')).resolves.toEqual({ view: 'public' });
    expect(events).toEqual([{ action: 'edit-accuracy.read', result: 'ok', keyId: 'key-1', owner: 'clinic-a', resource: 'public' }]);
  });

  it('given the keyless public route, when read, then it is audited without a key', async () => {
    const { controller, events } = setup();
    await controller.getPublic();
    expect(events).toEqual([{ action: 'edit-accuracy.read', result: 'ok', resource: 'public' }]);
  });

  it('given an unknown view, when read, then 400 PARAM_INVALID and nothing is audited', async () => {
    const { controller, events } = setup();
    await expect(controller.get(caller, 'everyone')).rejects.toMatchObject({ response: { code: 'PARAM_INVALID' } });
    expect(events).toEqual([]);
  });
});
