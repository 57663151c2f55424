/** What other features use of the supervision screens: the sub-navigation shared with online monitoring. */
export { SupervisionNav } from './SupervisionNav';
