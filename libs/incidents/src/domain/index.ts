// The incidents context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './accident-grade';
export * from './incident.types';
