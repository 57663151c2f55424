import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseInstant } from '@app/shared';

/** This instant must be later than the instant in `field` of the same body (checked only when both parse). */
export function IsLaterThan(field: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isLaterThan',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} 须晚于 ${field}`, ...options },
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[field];
          const end = typeof value === 'string' ? parseInstant(value) : undefined;
          const start = typeof other === 'string' ? parseInstant(other) : undefined;
          return !end || !start || end.getTime() > start.getTime();
        },
      },
    });
}

/**
 * A polygon as CAP 1.2 requires it: a closed ring of at least four points whose first and last are the same, with
 * at least three distinct corners (a "ring" of one repeated point warns nobody). Points are checked one by one by
 * their own class; this checks the ring as a whole.
 */
export function IsClosedRing(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isClosedRing',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} 须为闭合多边形：至少 4 个点，首点与末点相同，至少 3 个不同的顶点`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.length < 4) return false;
          const points = value as { lat?: unknown; lng?: unknown }[];
          const first = points[0];
          const last = points[points.length - 1];
          if (!first || !last || first.lat !== last.lat || first.lng !== last.lng) return false;
          return new Set(points.map((p) => `${String(p?.lat)},${String(p?.lng)}`)).size >= 3;
        },
      },
    });
}
