import { DemoTag } from '../../views/components/page-heading.js';
import type { PageContext } from '../../views/page-context.js';
import type { ExpertGroupMember } from './expert-group.repository.js';

export function MemberCard({ ctx, member }: { ctx: PageContext; member: ExpertGroupMember }) {
  const { t, locale } = ctx;
  return (
    <li class="card member-card">
      <h3>
        {member.name} {member.isDemo ? <DemoTag label={t.site.demoBadge} /> : null}
      </h3>
      <p>
        {member.title[locale]}
        <br />
        {member.organisation}
      </p>
      <dl class="facts">
        <div>
          <dt>{t.expertGroup.email}</dt>
          <dd>
            <a href={`mailto:${member.email}`}>{member.email}</a>
          </dd>
        </div>
        {member.phone ? (
          <div>
            <dt>{t.expertGroup.phone}</dt>
            <dd>
              <a href={`tel:${member.phone.replace(/\s+/g, '')}`}>{member.phone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
