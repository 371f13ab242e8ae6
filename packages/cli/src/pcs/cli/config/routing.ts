// `pcs config …`

import { router } from '../router.js';
import { backup, restore } from './backup.js';
import { configShow } from './show.js';

export const configRouter = router({ show: configShow, backup, restore }, ['config'], 'show');
