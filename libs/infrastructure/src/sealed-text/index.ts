export * from './sealed-text-event-store';
export * from './open-sealed-event-store';
