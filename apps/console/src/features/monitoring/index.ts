/** What other features use of online monitoring: the live sensor panel a hazard source's page shows. */
export { SensorPanel } from './SensorPanel';
