// `pcs config …`

import { router } from '../router.js';
import { configShow } from './show.js';

export const configRouter = router({ show: configShow }, ['config'], 'show');
