// `pcs resource …` routing table.

import { router } from '../router.js';
import { resourceConfig } from './config.js';
import { resourceCreate } from './create.js';

export const resourceRouter = router(
  {
    create: resourceCreate,
    config: resourceConfig,
  },
  ['resource'],
  'status',
);
