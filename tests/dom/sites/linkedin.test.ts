// @vitest-environment happy-dom
import { linkedin } from '@/utils/sites/linkedin';
import { describeSiteFixture } from '../../helpers/siteFixture';

if (!linkedin.posts) throw new Error('no post adapter');
describeSiteFixture('linkedin', linkedin.posts);
